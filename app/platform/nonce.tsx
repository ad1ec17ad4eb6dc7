import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce of the response being rendered, for the framework's
 * inline scripts (and the honeypot's inline style). Provided on the server only: in the
 * browser, scripts added after load need none, and browsers hide the attribute anyway.
 */
const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);

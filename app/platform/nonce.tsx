import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce of the response being rendered, for the framework's
 * inline scripts. Provided on the server only: in the browser, scripts added after load need
 * none, and browsers hide the attribute anyway. So nothing rendered in the browser may need
 * one: no inline <style> (the honeypot's is hidden by a class in styles.css instead).
 */
const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);

// The server answers in every language; imported once for its effect by entry.server.tsx (and
// by the tests' setup), never by anything the browser loads.
import "./organiser-texts";
import { en } from "./en";
import { addCatalogue } from "./index";
import { nn } from "./nn";

addCatalogue("nn", nn);
addCatalogue("en", en);

// Imported for its effect by the organisers' route modules (the admin layout, login, setup,
// the projector) and by the server, so the organisers' texts never reach a citizen's page.
import { addOrganiserTexts } from "./index";
import { nbAdmin } from "./nb-admin";

addOrganiserTexts(nbAdmin);

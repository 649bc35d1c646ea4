// Note: name normalisation is shared with the store, so it lives in src/text/; the stage's modules import it from here.
export { normaliseName } from '../../text/normalise.js';

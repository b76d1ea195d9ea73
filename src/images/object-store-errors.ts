// Moved to the object-store folder so that every feature (imports too) maps store failures alike.
export { storeCall } from '../object-store/object-store-errors.js';

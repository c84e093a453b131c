export { splitText } from './split-text.js';

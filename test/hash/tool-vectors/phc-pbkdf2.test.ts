import { describeToolVectors } from '../support/tool-vectors.js';

describeToolVectors('phc-pbkdf2');

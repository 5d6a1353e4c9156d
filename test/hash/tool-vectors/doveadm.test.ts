import { describeToolVectors } from '../support/tool-vectors.js';

describeToolVectors('doveadm');

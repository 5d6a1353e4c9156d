import { describeToolVectors } from '../support/tool-vectors.js';

describeToolVectors('passlib-ldap');

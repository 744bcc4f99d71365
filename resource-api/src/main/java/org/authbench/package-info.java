/** authbench: one API, four ways of knowing who is calling it. */
package org.authbench;

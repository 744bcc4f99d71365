/** Test support shared by every module through resource-api's test-jar: real processes, free ports, an API client. */
package org.authbench.testsupport;

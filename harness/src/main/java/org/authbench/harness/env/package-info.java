/** What a result was measured on: machine, OS, JDK, server versions, git commit, settings (env.json). */
package org.authbench.harness.env;

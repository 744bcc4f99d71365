package org.authbench.identity;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a variant hands out at login and takes back at logout: a session cookie, a token
 * pair, or nothing. The shared login endpoint checks the password first, then calls
 * {@link #issue}; the caller is authenticated when {@link #revoke} runs.
 */
public interface CredentialStrategy {

	/**
	 * Issue a credential for a user whose password was just verified.
	 * @return the JSON body of the 200 login answer
	 */
	Map<String, Object> issue(Identity identity, HttpServletRequest request, HttpServletResponse response);

	/** Make the credential of this request unusable on every instance the variant claims. */
	void revoke(Identity identity, HttpServletRequest request, HttpServletResponse response);
}

package org.authbench.jwt;

import org.springframework.test.context.TestPropertySource;

/** The token cases with RS256 keys from a keys file. */
@TestPropertySource(properties = PublicKeyTokenRejectionCases.ALGORITHM + "=RS256")
class Rs256TokenRejectionIntegrationTests extends PublicKeyTokenRejectionCases {
}

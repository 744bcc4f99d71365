package org.authbench.jwt;

import org.springframework.test.context.TestPropertySource;

/** The token cases with ES256 keys from a keys file. */
@TestPropertySource(properties = PublicKeyTokenRejectionCases.ALGORITHM + "=ES256")
class Es256TokenRejectionIntegrationTests extends PublicKeyTokenRejectionCases {
}

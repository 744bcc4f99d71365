package org.authbench.jwt;

import org.springframework.test.context.TestPropertySource;

/** The token cases with EDDSA keys from a keys file. */
@TestPropertySource(properties = PublicKeyTokenRejectionCases.ALGORITHM + "=EDDSA")
class EdDsaTokenRejectionIntegrationTests extends PublicKeyTokenRejectionCases {
}

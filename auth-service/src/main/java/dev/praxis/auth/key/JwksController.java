package dev.praxis.auth.key;

import com.nimbusds.jose.jwk.RSAKey;
import dev.praxis.contracts.security.TokenClaims;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The public keys that verify Praxis access tokens (public: every service and the gateway read it). */
@RestController
class JwksController {

    private final KeyRing ring;

    JwksController(KeyRing ring) {
        this.ring = ring;
    }

    record JwkSet(List<Jwk> keys) {
    }

    record Jwk(String kty, String kid, String use, String alg, String n, String e) {
        static Jwk of(RSAKey key) {
            return new Jwk(key.getKeyType().getValue(), key.getKeyID(), key.getKeyUse().identifier(),
                    key.getAlgorithm().getName(), key.getModulus().toString(), key.getPublicExponent().toString());
        }
    }

    @GetMapping(TokenClaims.JWKS_PATH)
    JwkSet jwks() {
        return new JwkSet(ring.publishedKeys().stream().map(Jwk::of).toList());
    }
}

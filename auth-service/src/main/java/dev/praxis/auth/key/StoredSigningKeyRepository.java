package dev.praxis.auth.key;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

interface StoredSigningKeyRepository extends JpaRepository<StoredSigningKey, String> {

    /** The signing key and the one before it: what the JWK set publishes. */
    List<StoredSigningKey> findTop2ByOrderByActivationDesc();

    Optional<StoredSigningKey> findFirstByOrderByActivationDesc();

    @Query(value = "select nextval('signing_key_activation')", nativeQuery = true)
    long nextActivation();
}

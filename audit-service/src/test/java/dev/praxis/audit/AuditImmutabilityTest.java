package dev.praxis.audit;

import dev.praxis.audit.record.AuditRecord;
import dev.praxis.audit.record.AuditStore;
import dev.praxis.audit.record.ChainHash;
import dev.praxis.contracts.security.Role;
import dev.praxis.test.HttpTestClient;
import dev.praxis.test.PraxisServiceTest;
import dev.praxis.test.TestInfrastructure;
import dev.praxis.test.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The database refuses to change the log, and the chain shows where anyone changed it behind the service's back. */
@PraxisServiceTest
class AuditImmutabilityTest {

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JdbcTemplate serviceRole;
    @Autowired
    AuditStore store;

    JdbcTemplate owner = ownerConnection();

    @Test
    void theServiceRoleCanOnlyInsertAndSelect() {
        assertThat(serviceRole.queryForObject("select current_user", String.class)).isEqualTo("praxis_audit_writer");
        for (String privilege : new String[]{"UPDATE", "DELETE", "TRUNCATE"}) {
            assertThat(serviceRole.queryForObject("select has_table_privilege('audit_record', ?)", Boolean.class, privilege))
                    .as(privilege).isFalse();
        }
        assertThat(serviceRole.queryForObject("select has_table_privilege('audit_record', 'INSERT')", Boolean.class)).isTrue();
        assertThatThrownBy(() -> serviceRole.update("delete from audit_record")).rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void evenTheOwnerCannotUpdateDeleteOrTruncate() {
        UUID tenant = seed(1);

        assertThatThrownBy(() -> owner.update("update audit_record set event_type = 'x.y' where tenant_id = ?", tenant))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.update("delete from audit_record where tenant_id = ?", tenant))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.execute("truncate audit_record")).rootCause().hasMessageContaining("append-only");
        assertThat(AuditEvents.storedForTenant(serviceRole, tenant)).isEqualTo(1);
    }

    @Test
    void aRecordAlteredBehindTheServicesBackIsReportedAtItsSequence() {
        UUID tenant = seed(5);
        TestUser auditor = TestUser.in(tenant, Role.AUDITOR);
        assertThat(verify(auditor).get("intact").asBoolean()).isTrue();

        tamper("update audit_record set metadata = '{\"fields\":[\"notes\"]}' where tenant_id = '" + tenant
                + "' and sequence = 3");

        var report = verify(auditor);
        assertThat(report.get("intact").asBoolean()).isFalse();
        assertThat(report.get("first_broken_sequence").asLong()).isEqualTo(3);
        assertThat(report.get("reason").asString()).isEqualTo("record altered");
    }

    @Test
    void aDeletedRecordIsReportedToo() {
        UUID tenant = seed(5);
        TestUser auditor = TestUser.in(tenant, Role.ADMIN);

        tamper("delete from audit_record where tenant_id = '" + tenant + "' and sequence = 2");

        var report = verify(auditor);
        assertThat(report.get("intact").asBoolean()).isFalse();
        assertThat(report.get("first_broken_sequence").asLong()).isEqualTo(2);
        assertThat(report.get("reason").asString()).isEqualTo("record missing");
    }

    @Test
    void aRecordWhoseStoredHashAloneWasReplacedIsReportedAsAltered() {
        UUID tenant = seed(4);
        TestUser auditor = TestUser.in(tenant, Role.AUDITOR);

        tamper("update audit_record set hash = repeat('a', 64) where tenant_id = ? and sequence = 2", tenant);

        var report = verify(auditor);
        assertThat(report.get("intact").asBoolean()).isFalse();
        assertThat(report.get("first_broken_sequence").asLong()).isEqualTo(2);
        assertThat(report.get("reason").asString()).isEqualTo("record altered");
    }

    /**
     * An attacker alters record 2 and stores the hash correctly recomputed for the altered record, so record 2 checks
     * out on its own: record 3 still names the old hash as its previous hash. Covering that too (rewriting record 3's
     * previous hash) breaks record 3's own hash, which covers its previous hash.
     */
    @Test
    void aRecomputedHashDoesNotHideTheChangeFromTheNextRecord() {
        UUID tenant = seed(4);
        TestUser auditor = TestUser.in(tenant, Role.AUDITOR);
        AuditRecord original = stored(tenant, 2);
        AuditRecord next = stored(tenant, 3);
        assertThat(ChainHash.of(original)).as("the test hashes a record exactly as the service did").isEqualTo(original.hash());
        assertThat(next.previousHash()).isEqualTo(original.hash());

        AuditRecord altered = withMetadata(original, "{\"fields\":[\"notes\"]}");
        String recomputed = ChainHash.of(altered);
        assertThat(recomputed).isNotEqualTo(original.hash());
        tamper("update audit_record set metadata = ?, hash = ? where tenant_id = ? and sequence = 2",
                altered.metadata(), recomputed, tenant);
        assertThat(stored(tenant, 2).metadata()).isEqualTo(altered.metadata());
        assertThat(ChainHash.of(stored(tenant, 2))).as("record 2 alone now checks out").isEqualTo(stored(tenant, 2).hash());

        var report = verify(auditor);
        assertThat(report.get("intact").asBoolean()).isFalse();
        assertThat(report.get("first_broken_sequence").asLong()).isEqualTo(3);
        assertThat(report.get("records_verified").asLong()).isEqualTo(2);
        assertThat(report.get("reason").asString()).isEqualTo("previous hash does not match");

        tamper("update audit_record set previous_hash = ? where tenant_id = ? and sequence = 3", recomputed, tenant);

        var relinked = verify(auditor);
        assertThat(relinked.get("intact").asBoolean()).isFalse();
        assertThat(relinked.get("first_broken_sequence").asLong()).isEqualTo(3);
        assertThat(relinked.get("reason").asString()).isEqualTo("record altered");
    }

    @Test
    void theHeadOfAVerifiedChainIsAnAnchorThatCatchesACutTail() {
        UUID tenant = seed(5);
        TestUser auditor = TestUser.in(tenant, Role.AUDITOR);
        var first = verify(auditor);
        assertThat(first.get("head_sequence").asLong()).isEqualTo(5);
        assertThat(first.get("head_hash").asString()).isEqualTo(stored(tenant, 5).hash());
        String anchor = "?anchor_sequence=5&anchor_hash=" + first.get("head_hash").asString();
        assertThat(verify(auditor, anchor).get("intact").asBoolean()).isTrue();

        tamper("delete from audit_record where tenant_id = ? and sequence >= 4", tenant);

        var unanchored = verify(auditor);
        assertThat(unanchored.get("intact").asBoolean()).as("a cut tail leaves a valid chain").isTrue();
        assertThat(unanchored.get("head_sequence").asLong()).isEqualTo(3);
        var anchored = verify(auditor, anchor);
        assertThat(anchored.get("intact").asBoolean()).isFalse();
        assertThat(anchored.get("first_broken_sequence").asLong()).isEqualTo(4);
        assertThat(anchored.get("records_verified").asLong()).isEqualTo(3);
        assertThat(anchored.get("reason").asString()).isEqualTo("record missing: the chain ends before the anchor");
        assertThat(anchored.get("head_sequence").isNull()).as("a broken chain offers no anchor").isTrue();
        assertThat(anchored.get("head_hash").isNull()).isTrue();
    }

    /** With the owner's credentials every record can be rewritten and every hash recomputed: only an anchor kept
     * outside the database shows it. */
    @Test
    void aChainRewrittenFromItsFirstRecordFailsAtTheAnchor() {
        UUID tenant = seed(3);
        TestUser auditor = TestUser.in(tenant, Role.ADMIN);
        String anchor = "?anchor_sequence=2&anchor_hash=" + stored(tenant, 2).hash();

        String previous = ChainHash.GENESIS;
        for (long sequence = 1; sequence <= 3; sequence++) {
            AuditRecord original = stored(tenant, sequence);
            AuditRecord rewritten = withPreviousHash(sequence == 1
                    ? withMetadata(original, "{\"fields\":[\"notes\"]}") : original, previous);
            previous = ChainHash.of(rewritten);
            tamper("update audit_record set metadata = ?, previous_hash = ?, hash = ? where tenant_id = ? and sequence = ?",
                    rewritten.metadata(), rewritten.previousHash(), previous, tenant, sequence);
        }

        assertThat(verify(auditor).get("intact").asBoolean()).as("the rewritten chain is consistent").isTrue();
        var anchored = verify(auditor, anchor);
        assertThat(anchored.get("intact").asBoolean()).isFalse();
        assertThat(anchored.get("first_broken_sequence").asLong()).isEqualTo(2);
        assertThat(anchored.get("reason").asString()).isEqualTo("record differs from the anchor");
        assertThat(verify(auditor, "?anchor_sequence=3&anchor_hash=" + previous).get("intact").asBoolean())
                .as("an anchor taken after the rewrite").isTrue();
    }

    @Test
    void anAnchorIsASequenceAndAHashTogether() {
        UUID tenant = UUID.randomUUID();
        HttpTestClient http = HttpTestClient.onPort(port).as(TestUser.in(tenant, Role.AUDITOR));
        String hash = "ab".repeat(32);

        assertThat(http.get("/api/v1/audit/verify?anchor_sequence=1").detail().toString()).contains("anchor_hash");
        assertThat(http.get("/api/v1/audit/verify?anchor_hash=" + hash).detail().toString()).contains("anchor_sequence");
        for (String bad : new String[]{"anchor_sequence=-1&anchor_hash=" + hash, "anchor_sequence=1&anchor_hash=AB",
                "anchor_sequence=1&anchor_hash=" + hash.toUpperCase(), "anchor_sequence=0&anchor_hash=" + hash}) {
            assertThat(http.get("/api/v1/audit/verify?" + bad).status()).as(bad).isEqualTo(422);
        }
        assertThat(http.get("/api/v1/audit/verify?anchor_sequence=&anchor_hash=" + hash).detail().get(0).get("type")
                .asString()).isEqualTo("type_error");
        var empty = http.get("/api/v1/audit/verify?anchor_sequence=1&anchor_hash=" + hash).json();
        assertThat(empty.get("intact").asBoolean()).isFalse();
        assertThat(empty.get("reason").asString()).isEqualTo("record missing: the chain ends before the anchor");
        var none = http.get("/api/v1/audit/verify").json();
        assertThat(none.get("intact").asBoolean()).isTrue();
        assertThat(none.get("head_sequence").asLong()).isZero();
        assertThat(none.get("head_hash").asString()).isEqualTo(ChainHash.GENESIS);
        var start = http.get("/api/v1/audit/verify?anchor_sequence=0&anchor_hash=" + ChainHash.GENESIS);
        assertThat(start.status()).as("an empty chain's head is an anchor too").isEqualTo(200);
        assertThat(start.json().get("intact").asBoolean()).isTrue();
    }

    private AuditRecord stored(UUID tenant, long sequence) {
        UUID id = serviceRole.queryForObject("select id from audit_record where tenant_id = ? and sequence = ?",
                UUID.class, tenant, sequence);
        return store.find(tenant, id).orElseThrow();
    }

    private static AuditRecord withMetadata(AuditRecord r, String metadata) {
        return copy(r, r.previousHash(), metadata);
    }

    private static AuditRecord withPreviousHash(AuditRecord r, String previousHash) {
        return copy(r, previousHash, r.metadata());
    }

    private static AuditRecord copy(AuditRecord r, String previousHash, String metadata) {
        return new AuditRecord(r.id(), r.eventId(), r.tenantId(), r.sequence(), previousHash, r.hash(),
                r.eventType(), r.eventVersion(), r.occurredAt(), r.recordedAt(), r.producer(), r.resourceType(),
                r.resourceId(), r.action(), r.outcome(), r.userId(), r.ip(), r.requestId(), r.traceparent(), metadata);
    }

    private tools.jackson.databind.JsonNode verify(TestUser user) {
        return verify(user, "");
    }

    private tools.jackson.databind.JsonNode verify(TestUser user, String query) {
        var response = HttpTestClient.onPort(port).as(user).get("/api/v1/audit/verify" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private UUID seed(int events) {
        UUID tenant = UUID.randomUUID();
        for (int i = 0; i < events; i++) {
            AuditEvents.publish(kafka, AuditEvents.TOPIC, AuditEvents.event(tenant, "client.updated"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> AuditEvents.storedForTenant(serviceRole, tenant) == events);
        return tenant;
    }

    /** What an attacker with the owner's credentials could do: switch the guard off, change, switch it on. */
    private void tamper(String sql, Object... parameters) {
        owner.execute("alter table audit_record disable trigger user");
        try {
            owner.update(sql, parameters);
        } finally {
            owner.execute("alter table audit_record enable trigger user");
        }
    }

    private static JdbcTemplate ownerConnection() {
        TestInfrastructure.Database database = TestInfrastructure.postgres();
        return new JdbcTemplate(new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password()));
    }
}

package dev.praxis.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServicesTest {

    @TempDir
    Path root;

    @Test
    void startsOnlyTheServicesWhoseJarIsBuiltInTableOrderGatewayLast() throws Exception {
        jar("gateway");
        jar("audit-service");
        jar("auth-service");
        Files.createDirectories(root.resolve("lab-service/target"));   // a module without its jar yet
        Files.writeString(root.resolve("lab-service/target/lab-service.jar.original"), "");

        assertThat(Services.built(root)).extracting(ServiceSpec::name)
                .containsExactly("auth-service", "audit-service", "gateway");
    }

    @Test
    void startsNoServiceWhenNoneIsBuilt() {
        assertThat(Services.built(root)).isEmpty();
    }

    @Test
    void knowsEveryModuleWithItsPortAndDatabase() {
        assertThat(Services.TABLE).containsExactly(
                new ServiceSpec("auth-service", 9001, "praxis_auth"),
                new ServiceSpec("scheduling-service", 9002, "praxis_scheduling"),
                new ServiceSpec("clinical-notes-service", 9003, "praxis_clinical_notes"),
                new ServiceSpec("lab-service", 9004, "praxis_lab"),
                new ServiceSpec("billing-service", 9005, "praxis_billing"),
                new ServiceSpec("audit-service", 9006, "praxis_audit"),
                new ServiceSpec("storage-service", 9007, "praxis_storage"),
                new ServiceSpec("gateway", 8000));
        assertThat(Services.DISCOVERY).isEqualTo(new ServiceSpec("discovery", 8761));
        assertThat(Services.databases()).hasSize(7).doesNotContainNull();
    }

    @Test
    void findsAServiceByItsModuleName() {
        assertThat(Services.byName("discovery")).isEqualTo(Services.DISCOVERY);
        assertThat(Services.byName("lab-service").port()).isEqualTo(9004);
        assertThatThrownBy(() -> Services.byName("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void looksForTheJarWhereMavenPutsIt() {
        assertThat(Services.byName("auth-service").jar(root)).isEqualTo(root.resolve("auth-service/target/auth-service.jar"));
    }

    private void jar(String module) throws Exception {
        Files.createDirectories(root.resolve(module + "/target"));
        Files.writeString(root.resolve(module + "/target/" + module + ".jar"), "");
    }
}

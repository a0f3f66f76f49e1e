package dev.parley.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.parley.testing.ApiClient;
import tools.jackson.databind.JsonNode;

/** The knowledge versions' admin API and the info endpoint, for one running instance. */
final class VersionsApi {

    private final int port;
    private final ApiClient admin;

    VersionsApi(int port) {
        this.port = port;
        this.admin = ApiClient.asAdmin(port);
    }

    ApiClient admin() {
        return admin;
    }

    /** {@code knowledge} of {@code GET /actuator/info}. */
    JsonNode info() {
        ApiClient.Response info = ApiClient.anonymous(port).get("/actuator/info");
        assertThat(info.status()).isEqualTo(200);
        return info.json().get("knowledge");
    }

    /** The version {@code /actuator/info} says is in service. */
    String versionInService() {
        return info().get("version").asString();
    }

    /** {@code GET /api/v1/admin/knowledge/versions}; anything but 200 fails the test. */
    JsonNode versions() {
        ApiClient.Response list = admin.get(KnowledgeVersionController.PATH);
        assertThat(list.status()).isEqualTo(200);
        return list.json();
    }

    ApiClient.Response difference(String from, String to) {
        return admin.get(KnowledgeVersionController.PATH + "/difference?from=" + from + "&to=" + to);
    }

    /**
     * The files of {@code version} as {@code GET .../{version}/files} downloads them, by name; anything but a 200 zip
     * attachment fails the test.
     */
    SortedMap<String, byte[]> download(String version) {
        HttpResponse<byte[]> download = admin.getBytes(KnowledgeVersionController.PATH + "/" + version + "/files");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue(KnowledgeVersionController.ZIP);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment", ".zip");
        var files = new TreeMap<String, byte[]>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(download.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    ApiClient.Response rollBack(String version, String base) {
        var body = ApiClient.JSON.createObjectNode().put("version", version);
        if (base != null) {
            body.put("base", base);
        }
        return admin.post(KnowledgeVersionController.PATH + "/rollback", body.toString());
    }

    ApiClient.Response reload(String base) {
        return admin.post("/api/v1/admin/reload?base=" + base, "");
    }

    ApiClient.Response propose(String intent, String base, String... examples) {
        var body = ApiClient.JSON.createObjectNode().put("intent", intent);
        if (base != null) {
            body.put("base", base);
        }
        var list = body.putArray("examples");
        for (String example : examples) {
            list.add(example);
        }
        return admin.post("/api/v1/admin/proposals", body.toString());
    }
}

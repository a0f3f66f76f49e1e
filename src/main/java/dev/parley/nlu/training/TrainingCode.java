package dev.parley.nlu.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import opennlp.tools.util.Version;

/**
 * What a trained model and its calibration depend on besides their examples and settings: the code that reads,
 * classifies and trains (every class of {@code dev.parley.nlu} and of {@code dev.parley.text}, whose rules read the
 * questions) and the version of OpenNLP. Part of the key of what is kept between starts: a Parley whose training
 * code changed trains again rather than restore what an older one kept, and the same build (the same class files)
 * restores it.
 */
final class TrainingCode {

    private static final List<String> PACKAGES = List.of("dev/parley/nlu", "dev/parley/text");
    private static volatile String identity;

    private TrainingCode() {
    }

    /** A SHA-256 over the class files of those packages, by name, and OpenNLP's version; computed once. */
    static String identity() {
        String known = identity;
        if (known == null) {
            known = computed();
            identity = known;
        }
        return known;
    }

    /** The class files it covers, by their path in the class path. */
    static List<String> classFiles() {
        return resources().stream().map(TrainingCode::path).toList();
    }

    // package-private: a test computes it twice, as two starts of one build would
    static String computed() {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (Resource resource : resources()) {
                digest.update(path(resource).getBytes(StandardCharsets.UTF_8));
                try (InputStream in = resource.getInputStream()) {
                    digest.update(in.readAllBytes());
                }
            }
            digest.update(Version.currentVersion().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Parley's own classes", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    // the same resolver finds them in target/classes (spring-boot:run, tests) and in the jar's BOOT-INF/classes
    private static List<Resource> resources() {
        var resolver = new PathMatchingResourcePatternResolver(TrainingCode.class.getClassLoader());
        try {
            var found = new ArrayList<Resource>();
            for (String folder : PACKAGES) {
                found.addAll(Arrays.asList(resolver.getResources("classpath*:" + folder + "/**/*.class")));
            }
            found.sort(Comparator.comparing(TrainingCode::path));
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list Parley's own classes", e);
        }
    }

    // the part from the package on: the same for a folder and a jar
    private static String path(Resource resource) {
        try {
            String where = resource.getURL().toString();
            for (String folder : PACKAGES) {
                int at = where.lastIndexOf(folder + "/");
                if (at >= 0) {
                    return where.substring(at);
                }
            }
            return where;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot name " + resource, e);
        }
    }
}

package dev.cairn.engine.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.engine.definitions.LoadedDefinitions;
import dev.cairn.engine.testjars.TestJars;

/**
 * Reading definitions must run none of the user's asset code: no static initializer, no
 * constructor, no asset method. Every one of them here writes a marker file; only calling an
 * asset afterwards creates it, which shows the marker would have caught it.
 */
class NoUserCodeRunsTest {

    @TempDir
    Path dir;

    @Test
    void loadingRunsNoStaticInitializerConstructorOrAssetMethod() throws Exception {
        Path marker = dir.resolve("user-code-ran.txt");
        String markerLiteral = '"' + marker.toString().replace("\\", "\\\\") + '"';
        Path jar = TestJars.builder()
                .source("com.t.Marker", """
                        package com.t;
                        import java.nio.file.*;
                        public final class Marker {
                            public static void write(String what) {
                                try {
                                    Files.writeString(Path.of(%s), what + "\\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                                } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
                            }
                        }
                        """.formatted(markerLiteral))
                .source("com.t.Explosive", """
                        package com.t;
                        import dev.cairn.api.*;
                        public class Explosive {
                            static final int VALUE = compute();
                            static int compute() {
                                Marker.write("static initializer");
                                throw new IllegalStateException("static initializer ran");
                            }
                            public Explosive() { Marker.write("constructor"); }
                            @Asset public static int boom() { Marker.write("boom"); return VALUE; }
                            @Asset public int instanceBoom(int boom) { Marker.write("instanceBoom"); return boom; }
                        }
                        """)
                .source("com.t.Unrelated", """
                        package com.t;
                        public class Unrelated { static { Marker.write("unrelated class initialized"); } }
                        """)
                .build(dir);

        try (LoadedDefinitions defs = Loaders.loader(dir).load(jar)) {
            assertThat(defs.snapshot().problems()).isEmpty();
            assertThat(defs.requireGraph().assets()).containsOnlyKeys("boom", "instanceBoom");
            assertThat(marker).doesNotExist();

            // The same classes do run user code once an asset is called.
            assertThatThrownBy(() -> defs.function("boom").invoke(new Object[0]))
                    .isInstanceOf(IllegalStateException.class).hasMessage("static initializer ran");
            assertThat(Files.readString(marker)).isEqualTo("static initializer\n");
        }
    }
}

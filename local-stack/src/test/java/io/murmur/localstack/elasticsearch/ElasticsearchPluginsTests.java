package io.murmur.localstack.elasticsearch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class ElasticsearchPluginsTests {

	@TempDir
	Path dir;

	@Nested
	class Installing {

		@Test
		void shouldUnpackAPluginIntoADirectoryNamedByItsDescriptor() throws IOException {
			Path zip = zip(Map.of("stable-plugin-descriptor.properties", "name=murmur-analysis\nversion=1\n",
					"murmur-analysis.jar", "classes", "named_components.json", "{}"));
			Path home = Files.createDirectories(ElasticsearchPluginsTests.this.dir.resolve("home/plugins")).getParent();

			ElasticsearchPlugins.install(zip, home);

			Path plugin = home.resolve("plugins/murmur-analysis");
			assertThat(plugin.resolve("murmur-analysis.jar")).hasContent("classes");
			assertThat(plugin.resolve("named_components.json")).hasContent("{}");
			assertThat(plugin.resolve("stable-plugin-descriptor.properties")).exists();
		}

		@Test
		void shouldRefuseAZipWithoutDescriptor() throws IOException {
			Path zip = zip(Map.of("some.jar", "classes"));
			assertThatIOException()
				.isThrownBy(() -> ElasticsearchPlugins.install(zip, ElasticsearchPluginsTests.this.dir))
				.withMessageContaining("no Elasticsearch plugin");
		}

		@Test
		void shouldRefuseAnEntryOutsideThePluginDirectory() throws IOException {
			Path zip = zip(Map.of("plugin-descriptor.properties", "name=evil\n", "../../escaped.txt", "x"));
			assertThatIOException()
				.isThrownBy(() -> ElasticsearchPlugins.install(zip, ElasticsearchPluginsTests.this.dir))
				.withMessageContaining("outside");
		}

	}

	@Nested
	class Finding {

		@Test
		void shouldTakeThePluginsTheSystemPropertyNames() {
			String previous = System.getProperty(ElasticsearchPlugins.PLUGINS_PROPERTY);
			System.setProperty(ElasticsearchPlugins.PLUGINS_PROPERTY,
					"/b/two.zip" + java.io.File.pathSeparator + "/a/one.zip");
			try {
				assertThat(ElasticsearchPlugins.find()).containsExactly(Path.of("/a/one.zip"), Path.of("/b/two.zip"));
			}
			finally {
				if (previous == null) {
					System.clearProperty(ElasticsearchPlugins.PLUGINS_PROPERTY);
				}
				else {
					System.setProperty(ElasticsearchPlugins.PLUGINS_PROPERTY, previous);
				}
			}
		}

		@Test
		void shouldGiveADigestThatChangesWithTheContent() throws IOException {
			Path one = zip(Map.of("plugin-descriptor.properties", "name=a\n"));
			String before = ElasticsearchPlugins.digest(java.util.List.of(one));
			Path other = zip(Map.of("plugin-descriptor.properties", "name=b\n"));
			assertThat(ElasticsearchPlugins.digest(java.util.List.of(other))).isNotEqualTo(before).hasSize(12);
		}

	}

	private Path zip(Map<String, String> entries) throws IOException {
		Path zip = Files.createTempFile(this.dir, "plugin", ".zip");
		try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream archive = new ZipOutputStream(out)) {
			for (Map.Entry<String, String> entry : entries.entrySet()) {
				archive.putNextEntry(new ZipEntry(entry.getKey()));
				archive.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
				archive.closeEntry();
			}
		}
		return zip;
	}

}

package io.murmur.localstack.platform.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ClientCredentialsTests {

	@TempDir
	Path dir;

	@Test
	void shouldKeepTheCredentialsForTheOwnerOnlyAndReadThemBack() throws IOException {
		ClientCredentials client = new ClientCredentials("platform", "s3cr3t-from-the-run");

		client.save(this.dir);

		Path file = this.dir.resolve(ClientCredentials.FILE_NAME);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(ClientCredentials.load(this.dir)).contains(client);
	}

	@Test
	void shouldFindNoneWhereNoPlatformKeptOne() throws IOException {
		assertThat(ClientCredentials.load(this.dir)).isEmpty();
		Files.writeString(this.dir.resolve(ClientCredentials.FILE_NAME), "client-id=platform\n");
		assertThat(ClientCredentials.load(this.dir)).isEmpty();
	}

	@Test
	void shouldNeverShowTheSecret() {
		assertThat(new ClientCredentials("platform", "s3cr3t-from-the-run").toString()).contains("platform")
			.doesNotContain("s3cr3t");
	}

}

package io.murmur.benchmarks.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Accounts for the load to run as, registered and signed in at user-service directly: the
 * gateway's sign-up budget (20 a minute per client address) is a defence against abuse,
 * not something to measure. Each run registers its own accounts, with fresh handles and a
 * random password that lives only in memory.
 */
public final class Accounts {

	private final URI userService;

	private final List<String> logins = new ArrayList<>();

	private final String password;

	/**
	 * Registers {@code count} accounts.
	 * @param userService user-service's base URL
	 * @param count how many accounts
	 */
	public Accounts(URI userService, int count) {
		this.userService = userService;
		SecureRandom random = new SecureRandom();
		byte[] secret = new byte[12];
		random.nextBytes(secret);
		this.password = "Bench-" + HexFormat.of().formatHex(secret);
		byte[] run = new byte[3];
		random.nextBytes(run);
		String prefix = "bench" + HexFormat.of().formatHex(run) + "_";
		for (int i = 0; i < count; i++) {
			String handle = prefix + i;
			post("/api/v1/auth/register", Map.of("handle", handle, "email", handle + "@bench.murmur.example",
					"password", this.password, "displayName", "Benchmark " + i), 201);
			this.logins.add(handle);
		}
	}

	/**
	 * Signs every account in and writes one fresh access token a line, for a simulation's
	 * token feeder. Access tokens live 15 minutes: call this before each measurement.
	 * @param file where to write the tokens
	 * @return the file
	 */
	public Path writeTokens(Path file) {
		List<String> tokens = this.logins.stream()
			.map((login) -> post("/api/v1/auth/login", Map.of("login", login, "password", this.password), 200)
				.path("accessToken")
				.asString())
			.toList();
		try {
			Files.createDirectories(file.getParent());
			return Files.write(file, tokens);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * How many accounts there are.
	 * @return the count
	 */
	public int size() {
		return this.logins.size();
	}

	private JsonNode post(String path, Map<String, String> body, int expectedStatus) {
		return Http.post(this.userService.resolve(path), body, null, expectedStatus);
	}

}

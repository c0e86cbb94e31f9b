package io.murmur.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails the test (or, for what a class does before and after its tests, the class) that
 * received a response its operation's OpenAPI document does not describe, with every such
 * response, and at the end of the run tells how many responses were checked.
 */
public final class ApiContractExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getRoot()
			.getStore(ExtensionContext.Namespace.create(ApiContractExtension.class))
			.computeIfAbsent(Summary.class, (type) -> new Summary(), Summary.class);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		fail(ApiContract.drainViolations());
	}

	@Override
	public void afterAll(ExtensionContext context) {
		fail(ApiContract.drainViolations());
	}

	private static void fail(List<String> violations) {
		if (!violations.isEmpty()) {
			throw new AssertionError(violations.size() + " response(s) not as their OpenAPI document says:\n"
					+ String.join("\n", violations));
		}
	}

	/**
	 * Reports the count once the run ends.
	 */
	private static final class Summary implements AutoCloseable {

		@Override
		public void close() {
			String line = "API contract: %d responses checked against their OpenAPI operations (%d of paths no document has)"
				.formatted(ApiContract.checked(), ApiContract.undocumented());
			System.out.println(line);
			try {
				Files.createDirectories(ApiContract.DIRECTORY);
				Files.writeString(ApiContract.DIRECTORY.resolve("responses-checked.txt"), line + "\n");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}

package io.murmur.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI documents the gateway lists, read from the live platform, and the check of
 * every response the journeys receive against them: the status must be one the operation
 * documents, and the content type and body must match what it documents for that status.
 * A response that does not is a violation, recorded for {@link ApiContractExtension} to
 * fail the test that received it. The documents are kept in {@code target/api-docs} for
 * people and tools to read.
 */
final class ApiContract {

	static final Path DIRECTORY = Path.of("target", "api-docs");

	private static final Pattern NULLABLE_PATH = Pattern.compile("\\[Path '([^']*)'\\]");

	private static ApiContract instance;

	private static final List<String> violations = new ArrayList<>();

	private static final AtomicInteger checked = new AtomicInteger();

	private static final AtomicInteger undocumented = new AtomicInteger();

	private final Map<String, Document> documents;

	private ApiContract(Map<String, Document> documents) {
		this.documents = documents;
	}

	/**
	 * The documents of the platform's gateway, fetched once.
	 * @return the contract
	 */
	static synchronized ApiContract get() {
		if (instance == null) {
			instance = fetch(new Api(MurmurPlatform.get().gatewayUrl()));
		}
		return instance;
	}

	private static ApiContract fetch(Api gateway) {
		Api.Response config = gateway.get("/v3/api-docs/swagger-config", null);
		if (config.status() != 200) {
			throw new IllegalStateException("The gateway lists no API documents: " + config);
		}
		Map<String, Document> documents = new LinkedHashMap<>();
		try {
			Files.createDirectories(DIRECTORY);
			for (JsonNode listed : config.json().get("urls")) {
				String name = listed.get("name").asString();
				Api.Response document = gateway.get(listed.get("url").asString(), null);
				if (document.status() != 200) {
					throw new IllegalStateException("The " + name + " document is not served: " + document);
				}
				Files.writeString(DIRECTORY.resolve(name + ".json"), document.body());
				documents.put(name, Document.of(name, document.body()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new ApiContract(documents);
	}

	Map<String, Document> documents() {
		return this.documents;
	}

	/**
	 * Checks a response of the public API against the operation it answers, if a document
	 * has that operation; records a violation if it does not match.
	 * @param method the request's method
	 * @param target the request's path and query
	 * @param response the response
	 */
	static void check(String method, String target, Api.Response response) {
		String path = URI.create(target).getPath();
		if (!path.startsWith("/api/")) {
			return;
		}
		List<String> found = get().violations(method, path, response);
		if (found == null) {
			undocumented.incrementAndGet();
			return;
		}
		checked.incrementAndGet();
		if (!found.isEmpty()) {
			synchronized (violations) {
				violations.add(method + " " + target + " answered " + response.status() + " " + response.contentType()
						+ " " + abbreviated(response.body()) + "\n  " + String.join("\n  ", found));
			}
		}
	}

	/**
	 * What is wrong with a response.
	 * @return the violations, none if it matches, or {@code null} if no document has the
	 * operation
	 */
	List<String> violations(String method, String path, Api.Response response) {
		Request.Method verb;
		try {
			verb = Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		Optional<Document> owner = this.documents.values()
			.stream()
			.filter((document) -> document.specificity(method, path) >= 0)
			.min(Comparator.comparingInt((document) -> document.specificity(method, path)));
		if (owner.isEmpty()) {
			return null;
		}
		SimpleResponse.Builder actual = new SimpleResponse.Builder(response.status());
		response.headers().map().forEach(actual::withHeader);
		if (!response.body().isEmpty()) {
			actual.withBody(response.body());
		}
		ValidationReport report = owner.get().validator().validateResponse(path, verb, actual.build());
		return report.getMessages()
			.stream()
			.filter((message) -> message.getLevel() == ValidationReport.Level.ERROR)
			.filter((message) -> !isNullableReference(message, response))
			.map((message) -> owner.get().name() + ": " + message.getKey() + ": " + message.getMessage())
			.toList();
	}

	/**
	 * Whether a message is the validator's misreading of a {@code null} where the
	 * document allows one. A nullable reference is written {@code {allOf: [{$ref}],
	 * nullable: true}}, as client generators read it, but the validator lets no
	 * {@code null} through an {@code allOf}. Every such wrapper in the documents is
	 * nullable ({@link ApiDocumentsAcceptanceTests} checks it), so a failed {@code allOf}
	 * on a {@code null} is no violation; on anything else it is.
	 */
	private static boolean isNullableReference(ValidationReport.Message message, Api.Response response) {
		if (!message.getKey().endsWith(".allOf")) {
			return false;
		}
		Matcher path = NULLABLE_PATH.matcher(message.getMessage());
		return path.find() && response.json().at(path.group(1)).isNull();
	}

	/**
	 * Takes the violations recorded so far.
	 * @return the violations, each with the response it was found in
	 */
	static List<String> drainViolations() {
		synchronized (violations) {
			List<String> drained = List.copyOf(violations);
			violations.clear();
			return drained;
		}
	}

	static int checked() {
		return checked.get();
	}

	static int undocumented() {
		return undocumented.get();
	}

	private static String abbreviated(String body) {
		return (body.length() > 300) ? body.substring(0, 300) + "..." : body;
	}

	/**
	 * One service's document.
	 *
	 * @param name the name the gateway lists it under
	 * @param json the document as served
	 * @param parsed the document as the parser reads it, with its messages
	 * @param validator checks responses against it
	 * @param operations each path template as a pattern, with its methods
	 */
	record Document(String name, String json, SwaggerParseResult parsed, OpenApiInteractionValidator validator,
			Map<Pattern, Template> operations) {

		static Document of(String name, String json) {
			ParseOptions options = new ParseOptions();
			options.setResolve(false);
			SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json, null, options);
			Map<Pattern, Template> operations = new LinkedHashMap<>();
			OpenAPI api = parsed.getOpenAPI();
			if (api != null && api.getPaths() != null) {
				api.getPaths().forEach((template, item) -> {
					List<String> methods = item.readOperationsMap().keySet().stream().map(Enum::name).toList();
					operations.put(Pattern.compile(template.replaceAll("\\{[^/]+}", "[^/]+")),
							new Template(template, methods));
				});
			}
			return new Document(name, json, parsed,
					OpenApiInteractionValidator.createForInlineApiSpecification(json).build(), operations);
		}

		/**
		 * How closely an operation of this document matches a request: the number of
		 * variables in its path template, or -1 if none matches.
		 */
		int specificity(String method, String path) {
			return this.operations.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().matcher(path).matches()
						&& entry.getValue().methods().contains(method.toUpperCase(Locale.ROOT)))
				.mapToInt((entry) -> entry.getValue().variables())
				.min()
				.orElse(-1);
		}

	}

	/**
	 * A path template of a document.
	 *
	 * @param template the template, such as {@code /api/v1/posts/{id}}
	 * @param methods the methods it has operations for
	 */
	record Template(String template, List<String> methods) {

		int variables() {
			return (int) this.template.chars().filter((c) -> c == '{').count();
		}

	}

}

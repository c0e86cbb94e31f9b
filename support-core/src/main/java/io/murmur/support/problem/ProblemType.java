package io.murmur.support.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * A kind of problem the API answers with (RFC 9457): a stable {@code type} URI below
 * {@link #BASE_URI}, a title that is the same for every occurrence, and a status. Clients
 * branch on the type, never on the title or the detail.
 * <p>
 * {@link CommonProblem} holds the types every service and the gateway share; a service
 * keeps its own as constants of a class of its own:
 *
 * <pre class="code">
 * final class PostProblems {
 *
 *     static final ProblemType POST_NOT_FOUND = ProblemType.of("post-not-found", "Post not found", HttpStatus.NOT_FOUND);
 *
 * }
 * </pre>
 *
 * @param type the type URI, below {@link #BASE_URI}
 * @param title the title
 * @param status the status answered with
 */
public record ProblemType(URI type, String title, HttpStatus status) {

	/**
	 * Where every problem type of Murmur lives.
	 */
	public static final String BASE_URI = "https://murmur.example/problems/";

	/**
	 * A problem type.
	 * @param slug the last segment of its type URI, such as {@code post-not-found}
	 * @param title its title
	 * @param status its status
	 * @return the problem type
	 */
	public static ProblemType of(String slug, String title, HttpStatus status) {
		return new ProblemType(uri(slug), title, status);
	}

	/**
	 * The type URI of a problem slug.
	 * @param slug the last segment, such as {@code post-not-found}
	 * @return the type URI
	 */
	public static URI uri(String slug) {
		return URI.create(BASE_URI + slug);
	}

	/**
	 * The last segment of the type URI.
	 * @return the slug, such as {@code post-not-found}
	 */
	public String slug() {
		String type = this.type.toString();
		return type.substring(type.lastIndexOf('/') + 1);
	}

}

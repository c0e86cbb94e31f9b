package io.murmur.support.web;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * A kind of problem the API answers with: a stable {@code type} URI below
 * {@link CommonProblem#BASE_URI}, a title and a status. Clients branch on the type, never
 * on the title or detail. {@link CommonProblem} holds the types every service shares;
 * each service adds its own in an enum of its own, implementing {@link Defined}:
 *
 * <pre class="code">
 * enum PostProblem implements ProblemType.Defined {
 *
 *     POST_NOT_FOUND(ProblemType.of("post-not-found", "Post not found", HttpStatus.NOT_FOUND));
 *
 *     private final ProblemType definition;
 *
 *     PostProblem(ProblemType definition) {
 *         this.definition = definition;
 *     }
 *
 *     &#64;Override
 *     public ProblemType definition() {
 *         return this.definition;
 *     }
 *
 * }
 * </pre>
 */
public interface ProblemType {

	/**
	 * The problem's type URI.
	 * @return the URI, below {@link CommonProblem#BASE_URI}
	 */
	URI type();

	/**
	 * The problem's title, the same for every occurrence.
	 * @return the title
	 */
	String title();

	/**
	 * The status answered with.
	 * @return the status
	 */
	HttpStatus status();

	/**
	 * The type URI of a problem slug.
	 * @param slug the last segment, such as {@code post-not-found}
	 * @return the type URI
	 */
	static URI uri(String slug) {
		return URI.create(CommonProblem.BASE_URI + slug);
	}

	/**
	 * A problem type.
	 * @param slug the last segment of its type URI, such as {@code post-not-found}
	 * @param title its title
	 * @param status its status
	 * @return the problem type
	 */
	static ProblemType of(String slug, String title, HttpStatus status) {
		return new Definition(uri(slug), title, status);
	}

	/**
	 * A problem type's URI, title and status.
	 *
	 * @param type the type URI
	 * @param title the title
	 * @param status the status
	 */
	record Definition(URI type, String title, HttpStatus status) implements ProblemType {

	}

	/**
	 * A problem type that takes its URI, title and status from a definition: what the
	 * constants of an enum of problem types implement.
	 */
	interface Defined extends ProblemType {

		/**
		 * The definition of this problem type.
		 * @return the definition, from {@link ProblemType#of}
		 */
		ProblemType definition();

		@Override
		default URI type() {
			return definition().type();
		}

		@Override
		default String title() {
			return definition().title();
		}

		@Override
		default HttpStatus status() {
			return definition().status();
		}

	}

}

package io.murmur.search.index;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starts and follows a rebuild of the indices from the sources of truth, for operators
 * (after a lost index, or a mapping change). Internal: the gateway never routes
 * {@code /internal}, and it takes a service token.
 */
@RestController
class ReindexController {

	private final Reindexer reindexer;

	ReindexController(Reindexer reindexer) {
		this.reindexer = reindexer;
	}

	@PostMapping("/internal/search/reindex")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Reindexer.Status start() {
		return this.reindexer.start();
	}

	@GetMapping("/internal/search/reindex")
	Reindexer.Status status() {
		return this.reindexer.status();
	}

}

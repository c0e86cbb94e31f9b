package io.murmur.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code murmur_edge_ngram}: every prefix of a token from {@value #MIN_GRAM} to
 * {@value #MAX_GRAM} characters, indexed so that typeahead is a plain term match on what
 * was typed. Only for indexing: the search side analyses without it.
 */
@NamedComponent("murmur_edge_ngram")
public class EdgeNGramFilterFactory implements TokenFilterFactory {

	/** The shortest prefix indexed: one character finds people by their first letter. */
	static final int MIN_GRAM = 1;

	/** The longest prefix indexed, a handle's length at most. */
	static final int MAX_GRAM = 30;

	@Override
	public TokenStream create(TokenStream tokenStream) {
		return new EdgeNGramTokenFilter(tokenStream, MIN_GRAM, MAX_GRAM, true);
	}

}

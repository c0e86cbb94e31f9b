package io.murmur.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code murmur_english_stem}: drops the English possessive and stems with Porter's
 * algorithm, so that {@code running}, {@code runs} and {@code run} meet. It expects
 * lower-case input (after {@code murmur_fold}) and leaves non-Latin tokens alone.
 */
@NamedComponent("murmur_english_stem")
public class EnglishStemFilterFactory implements TokenFilterFactory {

	@Override
	public TokenStream create(TokenStream tokenStream) {
		return new PorterStemFilter(new EnglishPossessiveFilter(tokenStream));
	}

}

package io.murmur.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code murmur_cjk_bigram}: overlapping bigrams of Han, Hiragana, Katakana and Hangul
 * characters, which the standard tokenizer emits one by one. Chinese and Japanese have no
 * spaces between words; bigrams find a phrase in order without a dictionary, and rank a
 * text holding the words above one holding the characters scattered. A lone character is
 * kept as it is.
 */
@NamedComponent("murmur_cjk_bigram")
public class CjkBigramFilterFactory implements TokenFilterFactory {

	@Override
	public TokenStream create(TokenStream tokenStream) {
		return new CJKBigramFilter(tokenStream);
	}

}

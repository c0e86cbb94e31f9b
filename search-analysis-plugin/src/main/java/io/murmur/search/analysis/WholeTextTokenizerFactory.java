package io.murmur.search.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/**
 * {@code murmur_whole}: the whole input as one token, for values that are matched whole
 * or by prefix, such as handles and hashtags, after {@code murmur_fold}. (Elasticsearch
 * normalizers do not take stable-API filters, so a folded keyword is a text field with
 * this tokenizer instead.)
 */
@NamedComponent("murmur_whole")
public class WholeTextTokenizerFactory implements TokenizerFactory {

	@Override
	public Tokenizer create() {
		return new KeywordTokenizer();
	}

}

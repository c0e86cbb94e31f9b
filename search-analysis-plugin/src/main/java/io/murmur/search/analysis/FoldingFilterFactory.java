package io.murmur.search.analysis;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code murmur_fold}: width, case and accent folding, so that {@code Café}, {@code CAFE}
 * and {@code cafe} are one term, and full-width {@code Ｍｕｒｍｕｒ} is {@code murmur}. It also
 * normalises keyword fields and prefix queries (a normalizer calls {@link #normalize}),
 * so handles and hashtags compare the way text does.
 */
@NamedComponent("murmur_fold")
public class FoldingFilterFactory implements TokenFilterFactory {

	@Override
	public TokenStream create(TokenStream tokenStream) {
		return new ASCIIFoldingFilter(new LowerCaseFilter(new CJKWidthFilter(tokenStream)));
	}

	@Override
	public TokenStream normalize(TokenStream tokenStream) {
		return create(tokenStream);
	}

}

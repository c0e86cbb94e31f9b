@NullMarked
package io.murmur.search.analysis;

import org.jspecify.annotations.NullMarked;

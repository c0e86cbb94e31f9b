@NullMarked
package io.murmur.search.query;

import org.jspecify.annotations.NullMarked;

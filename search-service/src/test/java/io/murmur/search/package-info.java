@NullMarked
package io.murmur.search;

import org.jspecify.annotations.NullMarked;

@NullMarked
package io.murmur.search.config;

import org.jspecify.annotations.NullMarked;

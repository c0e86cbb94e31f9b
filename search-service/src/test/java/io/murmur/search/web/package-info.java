@NullMarked
package io.murmur.search.web;

import org.jspecify.annotations.NullMarked;

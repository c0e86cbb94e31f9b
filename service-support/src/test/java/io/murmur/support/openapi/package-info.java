@NullMarked
package io.murmur.support.openapi;

import org.jspecify.annotations.NullMarked;

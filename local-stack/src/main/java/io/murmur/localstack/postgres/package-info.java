@NullMarked
package io.murmur.localstack.postgres;

import org.jspecify.annotations.NullMarked;

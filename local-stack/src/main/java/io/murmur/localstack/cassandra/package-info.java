@NullMarked
package io.murmur.localstack.cassandra;

import org.jspecify.annotations.NullMarked;

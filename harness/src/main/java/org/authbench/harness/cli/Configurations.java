package org.authbench.harness.cli;

import java.util.Iterator;

import org.authbench.harness.stack.Setup;

/**
 * The names {@code --variant} and {@code --variants} accept, from the catalogue of variants and
 * configurations: picocli shows them in the help as {@code ${COMPLETION-CANDIDATES}}.
 */
final class Configurations implements Iterable<String> {

	@Override
	public Iterator<String> iterator() {
		return Setup.all().stream().map(Setup::id).iterator();
	}
}

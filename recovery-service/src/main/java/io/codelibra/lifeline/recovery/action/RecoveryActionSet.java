package io.codelibra.lifeline.recovery.action;

import java.util.List;

/** A bean contributing several actions at once (an adapter of many small actions, e.g. the local RDS one). */
@FunctionalInterface
public interface RecoveryActionSet {

  List<RecoveryAction> actions();
}

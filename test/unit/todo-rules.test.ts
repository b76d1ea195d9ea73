// Who sees which to-do items on "my work", and which work-order states wait for whom.
import test from 'ava';
import { todoKindsOf } from '../../src/todo/todo.rules.js';
import { statesAwaiting } from '../../src/restoration/work-order-state.rules.js';

const none = new Set<never>();

test('each role has its own to-do items; restoration capabilities add theirs', (t) => {
  t.deepEqual(todoKindsOf('cataloguer', none), ['returnedRecords', 'draftRecords']);
  t.deepEqual(todoKindsOf('reviewer', none), ['awaitingReview']);
  t.deepEqual(todoKindsOf('conservator', none), ['ordersToWork']);
  t.deepEqual(todoKindsOf('provincial_admin', none), [
    'awaitingReview',
    'awaitingPublication',
    'plansToApprove',
  ]);
  t.deepEqual(todoKindsOf('reader', none), []);
  t.deepEqual(todoKindsOf('conservator', new Set(['studio_head', 'inspector'] as const)), [
    'ordersToWork',
    'plansToApprove',
    'ordersToAccept',
  ]);
  t.deepEqual(todoKindsOf('cataloguer', new Set(['inspector'] as const)), [
    'returnedRecords',
    'draftRecords',
    'ordersToAccept',
  ]);
});

test('the states an order waits in, per role (holding and cancelling are no one’s next step)', (t) => {
  t.deepEqual(statesAwaiting('isConservator'), [
    'proposed',
    'approved',
    'in_progress',
    'on_hold',
    'rejected',
  ]);
  t.deepEqual(statesAwaiting('isStudioHead'), ['planned']);
  t.deepEqual(statesAwaiting('isInspector'), ['completed']);
});

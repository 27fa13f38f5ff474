// Real IndexedDB semantics for storage tests, without a browser.
import 'fake-indexeddb/auto';

import { createEmbeddedIndex } from '../../shared/search/embedded-index';
import { searchIndexContract } from './search-index.contract';

searchIndexContract('embedded', async () => createEmbeddedIndex());

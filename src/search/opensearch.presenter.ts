// OpenSearch 1.1 description of the public catalogue, so browsers and library portals can add it
// as a search engine and call it (HTML results, JSON results, suggestions).

import { escapeXml } from './xml.js';

/** The OpenSearch description document for a service reachable at publicUrl. */
export function openSearchDescription(publicUrl: string): string {
  const base = escapeXml(publicUrl.replace(/\/+$/, ''));
  return `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>古籍普查目录</ShortName>
  <Description>全国古籍普查登记目录检索（简繁通检）Search the national census of ancient books (simplified and traditional)</Description>
  <Tags>古籍 普查 ancient books catalogue census</Tags>
  <Language>zh-CN</Language>
  <Language>en</Language>
  <InputEncoding>UTF-8</InputEncoding>
  <OutputEncoding>UTF-8</OutputEncoding>
  <Image height="16" width="16" type="image/svg+xml">${base}/static/favicon.svg</Image>
  <Url type="text/html" template="${base}/catalogue?q={searchTerms}&amp;page={startPage?}"/>
  <Url type="application/json" template="${base}/api/catalogue/search?q={searchTerms}&amp;page={startPage?}&amp;pageSize={count?}"/>
  <Url type="application/x-suggestions+json" template="${base}/api/catalogue/suggest?q={searchTerms}&amp;format=opensearch"/>
  <Url type="application/opensearchdescription+xml" rel="self" template="${base}/api/catalogue/opensearch.xml"/>
</OpenSearchDescription>
`;
}

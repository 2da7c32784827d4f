import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { catalog } from '../../data';
import { BIBTEX_MEDIA_TYPE, conferenceBibtexFile } from '../../lib/bibtex';
import { bibNames } from '../../lib/urls';

/** Every paper of a conference's digest as one BibTeX file (`bibNames.conference`). */
export const getStaticPaths = (() =>
  catalog.conferences.map((conference) => ({
    params: { conference: conference.id, file: bibNames.conference(conference.id) },
    props: { conference },
  }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(conferenceBibtexFile(props.conference), {
    headers: { 'Content-Type': `${BIBTEX_MEDIA_TYPE}; charset=utf-8` },
  });

import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { catalog } from '../../../data';
import { BIBTEX_MEDIA_TYPE, themeBibtexFile } from '../../../lib/bibtex';
import { bibNames } from '../../../lib/urls';

/** The papers a theme cites as one BibTeX file (`bibNames.theme`); a theme that cites none has none. */
export const getStaticPaths = (() =>
  catalog.themes
    .filter((theme) => theme.papers.length > 0)
    .map((theme) => ({
      params: {
        conference: theme.conference.id,
        theme: theme.slug,
        file: bibNames.theme(theme.conference.id, theme.slug),
      },
      props: { theme },
    }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(themeBibtexFile(props.theme), {
    headers: { 'Content-Type': `${BIBTEX_MEDIA_TYPE}; charset=utf-8` },
  });

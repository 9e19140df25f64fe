pairs-only-moderators = Seuls les modérateurs peuvent former des binômes.
pairs-no-category = Les salons des binômes ont d'abord besoin d'une catégorie. Un admin peut la choisir avec `/setup pair_category:`.
pairs-channel-failed = Je n'ai pas pu créer le salon du binôme, donc aucun binôme n'a été formé. Vérifie que tandem a les permissions Gérer les salons et Gérer les rôles dans la catégorie des binômes (`/setup` indique ce qui manque). Puis réessaie.
pairs-welcome-title = Bienvenue dans votre espace de mentorat
pairs-icebreakers = Pour bien commencer
pairs-first-goal = Première étape
pairs-first-goal-text = Mettez-vous d'accord sur un premier objectif et ajoutez-le avec `/goal add title:… due:…`.
pairs-not-a-pair-channel = Utilise cette commande dans le salon privé de ton binôme.
pairs-not-your-pair = Seuls les deux membres de ce binôme (ou un modérateur) peuvent faire ça ici.
pairs-ended = C'est fait : le binôme a pris fin et ses deux membres reçoivent un court questionnaire de fin.
pairs-survey-button = Questionnaire de fin
pairs-survey-title = Comment s'est passé ton binôme ?
pairs-survey-rating = Note de 1 (mauvais) à 5 (excellent)
pairs-survey-worked = Qu'est-ce qui a bien marché ?
pairs-survey-change = Qu'est-ce qu'on devrait changer ?
pairs-bad-rating = La note doit être un nombre entier de 1 à 5. Appuie à nouveau sur le bouton Questionnaire de fin pour réessayer.
pairs-survey-thanks = Merci ! Tes réponses sont enregistrées.
pairs-not-your-survey = Ce questionnaire est réservé aux deux membres de ce binôme.
pairs-refit-sent = J'ai prévenu les modérateurs en privé. Ton partenaire ne saura pas pourquoi. Si un modérateur vous fait changer de binôme, on lui dira seulement que le binôme a pris fin.
pairs-refit-no-channel = Les modérateurs n'ont pas configuré de salon où je peux les joindre. Écris directement à un modérateur.
pairs-refit-only-members = Seuls les membres de ce binôme peuvent demander à changer de binôme.
pairs-repair = Changer de binôme
pairs-suggest-title = Binômes suggérés
pairs-nothing-to-suggest = Personne n'attend de mentor en ce moment, il n'y a donc rien à suggérer.
pairs-no-free-mentors = Des mentorés attendent, mais aucun mentor actif n'a de place libre. Demande aux mentors d'augmenter leur capacité avec `/profile edit`, ou approuve de nouveaux mentors.
pairs-unmatched = Sans binôme
pairs-approve-all = Tout approuver
pairs-discard = Écarter
pairs-previous = Précédent
pairs-next = Suivant
pairs-pick = Choisis les binômes à approuver…
pairs-suggestion-closed = Cette suggestion a déjà été approuvée ou écartée. Lance `/pair suggest` pour en obtenir une nouvelle.
pairs-discarded = Suggestion écartée : aucun binôme n'a été créé.
pairs-goals-title = Vos objectifs
pairs-no-goals = Pas encore d'objectif. Ajoutez-en un avec `/goal add`.
pairs-same-person = Un mentor et un mentoré doivent être deux personnes différentes.
pairs-mentor-not-active = <@{ $mentor }> n'est pas un mentor actif. Cette personne peut s'inscrire avec `/enrol mentor` (une approbation sera peut-être nécessaire).
pairs-mentor-paused = <@{ $mentor }> a mis le mentorat en pause pour l'instant et ne prend pas de nouveaux mentorés. Cette personne revient en appuyant sur **Oui, je continue** dans la question mensuelle de tandem (ou à la fin d'une pause d'un mois).
pairs-mentee-not-active = <@{ $mentee }> n'est pas un mentoré actif. Cette personne peut s'inscrire avec `/enrol mentee`.
pairs-mentor-full =
    { $capacity ->
        [one] <@{ $mentor }> suit déjà { $capacity } mentoré à la fois, son maximum. Mets fin à un binôme ou demande-lui d'augmenter sa capacité avec `/profile edit`.
       *[other] <@{ $mentor }> suit déjà { $capacity } mentorés à la fois, son maximum. Mets fin à un binôme ou demande-lui d'augmenter sa capacité avec `/profile edit`.
    }
pairs-already-paired = <@{ $mentor }> et <@{ $mentee }> forment déjà un binôme.
pairs-mentee-taken = <@{ $mentee }> a déjà un mentor. Mets d'abord fin à ce binôme si cette personne a besoin d'un nouveau mentor.
pairs-rolled-back = Le binôme de { $people } n'a pas été terminé car tandem s'est arrêté. Rien n'a été gardé. Relance `/pair create`.
pairs-created = Binôme formé : <@{ $mentor }> (mentor) avec <@{ $mentee }> (mentoré) dans <#{ $channel }>.
pairs-welcome = <@{ $mentor }> est le **mentor**, <@{ $mentee }> le **mentoré**. Ce salon est privé : il n'est visible que par vous deux et les modérateurs.

    {"**"}Ce que le programme vous demande**
    • Rencontrez-vous ou échangez au moins toutes les deux semaines, et répondez ici aux points d'étape.
    • Soyez bienveillants et patients ; gardez entre vous ce qui se dit ici.
    • Si ça ne fonctionne pas, dites-le : `/pair pause`, `/pair end` ou, en privé, `/pair refit`.
# $role is the reader's own role; $partner has the other one.
pairs-ready-dm =
    { $role ->
        [mentor] Tu as un mentoré sur { $guild } : <@{ $partner }> ! Dis bonjour dans <#{ $channel }>, votre salon privé.
       *[mentee] Tu as un mentor sur { $guild } : <@{ $partner }> ! Dis bonjour dans <#{ $channel }>, votre salon privé.
    }
pairs-already-ended = Ce binôme a déjà pris fin.
pairs-still-setting-up = Ce binôme est encore en cours de création. Réessaie dans une minute.
pairs-channel-lost = Le salon de ce binôme n'existe plus. Un modérateur peut vous reformer en binôme avec `/pair create`.
pairs-not-active = Ce binôme n'est pas actif.
pairs-pause-weeks = La pause dure de 1 à 8 semaines, pas { $weeks }.
pairs-paused = <@{ $by }> a mis ce binôme en pause jusqu'au <t:{ $until }:D> (<t:{ $until }:R>). Les points d'étape s'arrêtent jusque-là, puis reprennent tout seuls. Prenez soin de vous !
pairs-reason-completed = mené à terme
pairs-reason-not-a-good-fit = pas le bon duo
pairs-reason-inactive = inactif
pairs-reason-withdrawn = un membre a quitté le programme
pairs-reason-left-server = un membre a quitté le serveur
pairs-reason-other = autre
pairs-ended-here-kept = Ce binôme a pris fin. Merci à vous deux pour le temps que vous vous êtes consacré. Ce salon reste ici, en lecture seule, pour que vous puissiez y revenir. Prenez une minute pour le questionnaire de fin ci-dessous : il aide les prochains binômes.
pairs-ended-here-deleted = Ce binôme a pris fin. Merci à vous deux pour le temps que vous vous êtes consacré. Ce salon va être supprimé. Prenez une minute pour le questionnaire de fin ci-dessous : il aide les prochains binômes.
pairs-ended-dm = Ton binôme de mentorat avec <@{ $partner }> sur { $guild } a pris fin. Merci ! Si tu as une minute, le questionnaire de fin ci-dessous aide le programme.
# Who a notice names when a member erased their data.
pairs-someone = quelqu'un
pairs-lacking-post = la permission d'y publier
pairs-lacking = **{ $permissions }** dans ce salon
# $mentor and $mentee are mentions (or "someone"); $lacking is one of the two above.
pairs-unreachable = Je ne peux pas publier dans <#{ $channel }>, le salon de { $mentor } (mentor) et { $mentee } (mentoré). Il me manque { $lacking }. Leurs points d'étape sont retentés à chaque série et reprendront tout seuls une fois le problème réglé. Après { $rounds } séries d'affilée sans accès, le binôme sera marqué hors service.
pairs-reachable-again = Je peux de nouveau publier dans <#{ $channel }> : les points d'étape de { $mentor } et { $mentee } reprennent.
pairs-partner-left-dm = <@{ $gone }> a quitté { $guild }, donc ton binôme de mentorat a pris fin. Ce n'est la faute de personne. Merci pour le temps que tu as donné. Les modérateurs peuvent te proposer un nouveau binôme. Si tu as une minute, le questionnaire de fin ci-dessous aide le programme.
pairs-refit-limit = Tu as déjà fait { $count } demandes cette semaine. Les modérateurs ont bien reçu ta demande et vont te contacter. Tu peux aussi leur écrire directement.
pairs-refit-request = <@{ $user }> a demandé, en privé, à changer de partenaire.
    Binôme : <@{ $mentor }> (mentor) et <@{ $mentee }> (mentoré) dans <#{ $channel }>.
    Changer de binôme met fin à ce binôme avec le motif *pas le bon duo* et remet le mentoré dans la file d'attente. L'autre membre saura seulement que le binôme a pris fin.
pairs-repaired = Changement de binôme fait par <@{ $moderator }> : le binôme a pris fin et le mentoré est de retour dans la file d'attente.
pairs-broken = Le salon de { $mentor } (mentor) et { $mentee } (mentoré) a disparu, ou j'y ai perdu l'accès (c'était <#{ $channel }>). Le binôme est marqué *hors service* et ne reçoit plus de points d'étape. Si les deux veulent continuer, reforme-le avec `/pair create`.
pairs-suggest-intro =
    { $proposals ->
        [one] { $proposals } binôme suggéré. Rien n'est créé tant que tu n'as pas approuvé. Choisis-en dans le menu pour n'approuver que ceux-là.
       *[other] { $proposals } binômes suggérés. Rien n'est créé tant que tu n'as pas approuvé. Choisis-en dans le menu pour n'approuver que ceux-là.
    }
pairs-suggest-repeats =
    { $repeats ->
        [one] ⚠️ { $repeats } d'entre eux réunit des personnes déjà associées auparavant : il n'y avait aucun autre mentor possible.
       *[other] ⚠️ { $repeats } d'entre eux réunissent des personnes déjà associées auparavant : il n'y avait aucun autre mentor possible.
    }
pairs-reason-topics =
    { $count ->
        [0] aucun sujet commun
        [one] 1 sujet commun ({ $topics })
       *[other] { $count } sujets communs ({ $topics })
    }
pairs-reason-overlap = { $hours } h d'éveil en commun
pairs-reason-languages = parlent tous les deux { $languages }
pairs-reason-repeat = déjà associés auparavant
pairs-proposal = **{ $n }.** <@{ $mentor }> → <@{ $mentee }> · score { $score }
    { $reasons }
pairs-unmatched-no-free-mentor = <@{ $mentee }> : aucun mentor avec une place libre
pairs-unmatched-no-language = <@{ $mentee }> : aucun mentor disponible ne parle sa langue
pairs-free-slots =
    { $places ->
        [one] { $places } place de mentor encore libre après ces binômes.
       *[other] { $places } places de mentor encore libres après ces binômes.
    }
pairs-approve-selected = Approuver la sélection ({ $count })
pairs-page = Page { $page } sur { $pages }
pairs-creating = Création des binômes… { $done } sur { $total }.
pairs-created-count =
    { $count ->
        [one] { $count } binôme créé.
       *[other] { $count } binômes créés.
    }
pairs-skipped-count = Non créés ({ $count }) :
pairs-goal-empty-title = Donne un titre court à l'objectif.
pairs-goal-title-too-long = Ce titre fait { $chars } caractères ; { $max } au maximum, s'il te plaît.
pairs-goal-bad-date = Je n'arrive pas à lire la date « { $input } ». Écris-la sous la forme `2026-12-24` ou `in 3 weeks`.
pairs-goal-in-the-past = Le { $date } est déjà passé. Choisis une date à partir d'aujourd'hui.
pairs-goal-added = 🎯 <@{ $by }> a ajouté l'objectif **#{ $number } : { $title }**. Quand il est atteint : `/goal done { $number }`.
pairs-goal-added-due = 🎯 <@{ $by }> a ajouté l'objectif **#{ $number } : { $title }**, pour le <t:{ $due }:D>. Quand il est atteint : `/goal done { $number }`.
pairs-goal-done = 🎉 L'objectif **#{ $number } : { $title }** est atteint ! Bravo, { $members }.
pairs-goal-already-done = L'objectif #{ $number } est déjà atteint.
pairs-no-goal = Il n'y a pas d'objectif #{ $number } dans ce binôme. `/goal list` les affiche.
pairs-goal-line = ⬜ #{ $number } { $title }
pairs-goal-line-due = ⬜ #{ $number } { $title } · pour le <t:{ $due }:D>
pairs-goal-line-overdue = ⬜ #{ $number } { $title } · pour le <t:{ $due }:D> · en retard
pairs-goal-line-done = ✅ #{ $number } { $title } (atteint le <t:{ $done }:D>)

pairs-icebreaker-1 = Qu'espères-tu retirer des trois prochains mois ?
pairs-icebreaker-2 = Qu'as-tu appris récemment qui t'a surpris ?
pairs-icebreaker-3 = Comment aimes-tu recevoir des retours : directs, en douceur, à l'écrit, à l'oral ?
pairs-icebreaker-4 = À quoi ressemble une bonne semaine pour toi ?
pairs-icebreaker-5 = Quel projet t'a apporté le plus de fierté, et pourquoi ?
pairs-icebreaker-6 = Qu'aimerais-tu arrêter de faire, ou commencer à faire ?
pairs-icebreaker-7 = À quel moment de ta semaine un petit appel t'arrange-t-il le mieux ?
pairs-if-something-is-wrong = Si quelque chose ne va pas
pairs-report-hint = Appuie sur **Signaler un problème** (ici et sous chaque point d'étape) ou utilise `/report` n'importe où. Seuls les modérateurs le lisent, et ton partenaire n'est jamais prévenu.
pairs-kept-apart = <@{ $mentor }> et <@{ $mentee }> ne peuvent pas former un binôme, pour une raison privée. Choisis un autre binôme, s'il te plaît.
pairs-person-not-active = <@{ $user }> n'est pas actif dans le programme avec ce rôle. Cette personne peut s'inscrire avec `/enrol` (un mentor aura peut-être besoin d'une approbation).
pairs-person-taken = <@{ $user }> a déjà un binôme, un groupe ou un cercle ouvert. Termine-le d'abord, ou choisis quelqu'un d'autre.
pairs-created-group = Groupe créé : <@{ $mentor }> (mentor) avec { $mentees } (mentorés) dans <#{ $channel }>.
pairs-created-circle = Cercle créé avec { $peers } dans <#{ $channel }>.
pairs-welcome-group = <@{ $mentor }> est le **mentor** de { $mentees }. Ce salon est privé : seuls vous et les modérateurs pouvez le voir.

    {"**"}Ce que demande le programme**
    • Se voir ou échanger au moins toutes les deux semaines, et répondre ici aux points d'étape.
    • Être bienveillant et patient ; ce qui se dit ici reste entre vous.
    • Si ça ne marche pas, dites-le : `/pair pause`, `/pair end` ou, en privé, `/pair refit`.
pairs-welcome-circle = { $peers } : voici votre **cercle**, quelques pairs qui apprennent ensemble. Chaque point d'étape indique qui lance la conversation cette semaine, à tour de rôle. Ce salon est privé : seuls vous et les modérateurs pouvez le voir.

    {"**"}Ce que demande le programme**
    • Se voir ou échanger au moins toutes les deux semaines, et répondre ici aux points d'étape.
    • Être bienveillant et patient ; ce qui se dit ici reste entre vous.
    • Si ça ne te convient pas, dis-le : `/pair end` te permet de partir, `/pair refit` demande un autre cercle.
pairs-space-ready-dm =
    { $kind ->
        [group] Tu fais partie d'un groupe de mentorat sur { $guild } avec { $others } ! Dis bonjour dans <#{ $channel }>, votre salon privé.
       *[circle] Tu fais partie d'un cercle de pairs sur { $guild } avec { $others } ! Dis bonjour dans <#{ $channel }>, votre salon privé.
    }
pairs-space-ended-dm =
    { $kind ->
        [group] Ton groupe de mentorat sur { $guild } est terminé. Merci ! Si tu as une minute, le questionnaire de fin ci-dessous aide le programme.
       *[circle] Ton cercle de pairs sur { $guild } est terminé. Merci ! Si tu as une minute, le questionnaire de fin ci-dessous aide le programme.
    }
pairs-left-space = <@{ $user }> est parti. Les autres continuent ensemble.
pairs-you-left = Tu es parti. Les autres continuent, et personne n'a su pourquoi. Le questionnaire de fin est dans tes messages privés si tu as une minute.
pairs-left-asks-again = <@{ $user }> a quitté son groupe ou son cercle (c'était <#{ $channel }>) et en voudrait un autre. Cette personne est de nouveau parmi celles qui attendent.
pairs-circle-size =
    { $count ->
        [one] Un groupe ou un cercle compte de { $min } à { $max } personnes (un groupe compte son mentor), pas { $count }. Ajoute ou retire quelqu'un et réessaie.
       *[other] Un groupe ou un cercle compte de { $min } à { $max } personnes (un groupe compte son mentor), pas { $count }. Ajoute ou retire quelqu'un et réessaie.
    }
pairs-circle-twice = <@{ $user }> est cité deux fois. Cite chaque personne une seule fois.
pairs-space-kept-apart = Ces personnes ne peuvent pas être toutes ensemble, pour une raison privée. Choisis un autre groupe.
pairs-space-unreachable = Je ne peux pas publier dans <#{ $channel }>, le salon de { $people }. Il me manque { $lacking }. Leurs points d'étape sont retentés à chaque série et reprendront tout seuls une fois le problème réglé. Après { $rounds } séries d'affilée sans accès, il sera marqué hors service.
pairs-space-reachable-again = Je peux de nouveau publier dans <#{ $channel }> : les points d'étape de { $people } reprennent.
pairs-space-broken = Le salon de { $people } a disparu, ou j'y ai perdu l'accès (c'était <#{ $channel }>). Il est marqué *hors service* et ne reçoit plus de points d'étape. S'ils veulent continuer, reforme le groupe ou le cercle.
pairs-circle-proposal = **{ $n }.** { $members } : score { $score } ({ $reasons })
pairs-suggest-circles-intro =
    { $circles ->
        [one] { $circles } cercle suggéré parmi les personnes qui attendent. Rien n'est créé avant ton approbation. Choisis-en dans le menu pour n'approuver que ceux-là.
       *[other] { $circles } cercles suggérés parmi les personnes qui attendent. Rien n'est créé avant ton approbation. Choisis-en dans le menu pour n'approuver que ceux-là.
    }
pairs-not-in-a-circle = <@{ $user }> : aucun cercle ne convient (trop peu de monde, ou pas de langue commune)
pairs-too-few-for-circles =
    { $count ->
        [one] Seule { $count } personne attend, et un cercle en demande au moins { $min }. Suggère plutôt des binômes, ou attends qu'il y ait plus de monde.
       *[other] Seules { $count } personnes attendent, et un cercle en demande au moins { $min }. Suggère plutôt des binômes, ou attends qu'il y ait plus de monde.
    }

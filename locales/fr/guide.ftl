# The programme guide (/guide), the resources moderators keep for it (/resources), and the
# orientation a server may require of new mentors (/setup orientation).
guide-title = Guide du programme
guide-intro = Bienvenue ! Voici comment fonctionne le mentorat sur **{ $guild }**. Deux minutes suffisent pour le lire.
guide-mentors-heading = Ce qu'on attend des mentors
guide-mentors =
    • Garde du temps pour ton mentoré : rencontrez-vous ou écrivez-vous régulièrement, et réponds aux points d'étape dans le salon du binôme.
    • Écoute d'abord et partage ce que tu sais ; c'est ton mentoré qui fixe les objectifs.
    • Si tu as besoin d'une pause, ou si ça ne marche pas, dis-le tôt. `/pair pause` ou un modérateur peuvent t'aider.
guide-mentees-heading = Ce qu'on attend des mentorés
guide-mentees =
    • Viens avec un objectif, même petit, et ajoute-le avec `/goal add`.
    • Réponds aux points d'étape et dis à ton mentor ce qui t'aiderait.
    • Ton mentor te donne de son temps bénévolement : préviens-le quand tu ne peux pas venir.
guide-conduct-heading = Code de conduite
guide-conduct =
    • Sois bienveillant, patient et respectueux. Ni harcèlement, ni discrimination.
    • Tiens ce que vous avez convenu ensemble, et dis non poliment quand quelque chose ne te convient pas.
    • Si quelque chose te semble anormal, parles-en à un modérateur. Demander est toujours permis.
guide-confidentiality-heading = Confidentialité
guide-confidentiality =
    • Ce que ton partenaire te confie reste entre vous deux, sauf si quelqu'un est en danger.
    • Les modérateurs regardent les salons des binômes seulement pour aider. tandem compte les messages, mais ne les lit jamais.
    • `/mydata export` montre ce que tandem conserve sur toi ; `/mydata delete` l'efface.
guide-resources-heading = Ressources
guide-resources-continued = Ressources (suite)
guide-no-resources = Les modérateurs n'ont encore ajouté aucune ressource.
# $title is what a moderator typed (already made safe), $url a web link.
guide-resource = • { $title } : { $url }
# The same line as moderators see it, with who it is for.
guide-resource-for = • { $title } : { $url } ({ $audience })
guide-audience =
    { $audience ->
        [mentors] pour les mentors
        [mentees] pour les mentorés
       *[everyone] pour tout le monde
    }
guide-read-button = Je l'ai lu
guide-owed-note = {"**"}Plus qu'une étape** : quand tu as lu ce guide, appuie sur **Je l'ai lu** ci-dessous. Un modérateur pourra alors t'associer à un mentoré.
guide-dm-approved = Bonne nouvelle : ta candidature de mentor sur **{ $guild }** est approuvée. Avant de former un binôme avec un mentoré, lis le guide du programme ci-dessous et appuie sur **Je l'ai lu**.
guide-dm-enrolled = Bienvenue parmi les mentors ! Avant de former un binôme avec un mentoré sur **{ $guild }**, lis le guide du programme ci-dessous et appuie sur **Je l'ai lu**.
guide-enrol-note =
    {"**"}Plus qu'une étape**
    Lis le guide du programme (je te l'ai envoyé en message privé, et `/guide` l'affiche ici) et appuie sur **Je l'ai lu**. Un modérateur pourra alors t'associer à un mentoré.
guide-read-thanks = Merci d'avoir lu le guide ! Un modérateur peut maintenant t'associer à un mentoré.
guide-read-already = Tu as déjà confirmé avoir lu le guide le <t:{ $at }:D>. Il n'y a plus rien à faire.
guide-read-not-mentor = Tu n'es plus mentor sur ce serveur, il n'y a donc rien à confirmer.
# /pair create and Approve on a /pair suggest preview.
guide-mentor-not-oriented = <@{ $mentor }> doit encore lire le guide du programme. Le binôme pourra être formé une fois qu'il aura appuyé sur « Je l'ai lu » (dans mon message privé, ou avec `/guide`).
guide-suggest-left-out =
    { $count ->
        [one] { $count } mentor avec une place libre est laissé de côté tant qu'il n'a pas lu le guide.
       *[other] { $count } mentors avec des places libres sont laissés de côté tant qu'ils n'ont pas lu le guide.
    }
guide-suggest-all-waiting =
    { $count ->
        [one] Le seul mentor avec une place libre n'a pas encore lu le guide du programme. Il pourra former un binôme une fois qu'il aura appuyé sur « Je l'ai lu ».
       *[other] Aucun des { $count } mentors avec des places libres n'a encore lu le guide du programme. Ils pourront former un binôme une fois qu'ils auront appuyé sur « Je l'ai lu ».
    }
# /resources
guide-resources-only-moderators = Seuls les modérateurs peuvent modifier les ressources du programme. Tout le monde les voit avec `/guide`.
guide-title-empty = Donne un titre à la ressource, par exemple « Manuel du mentor ».
guide-title-too-long = Ce titre fait { $chars } caractères ; { $max } au maximum, s'il te plaît.
guide-link-empty = Ajoute l'adresse web de la ressource, en commençant par https://.
guide-not-a-link = « { $link } » n'est pas une adresse web. Colle le lien complet, en commençant par https://.
guide-not-web = Seuls les liens web peuvent être ajoutés (commençant par https:// ou http://), pas les liens « { $scheme } ».
guide-link-too-long = Ce lien fait { $chars } caractères ; { $max } au maximum, s'il te plaît. Un lien plus court vers la même page convient aussi.
guide-full = Ce serveur a déjà { $max } ressources, le maximum que le guide peut afficher. Retire-en une d'abord avec `/resources remove`.
guide-added = Ressource n° { $id } ajoutée ({ $audience }) : « { $title } ». Les membres la voient avec `/guide`.
guide-no-resource = Il n'y a pas de ressource n° { $id } sur ce serveur. `/resources list` affiche leurs numéros.
guide-removed = Ressource n° { $id } retirée : « { $title } ».
guide-list-title = Ressources du programme
guide-list-empty = Aucune ressource pour l'instant. Ajoutes-en une avec `/resources add`.
guide-list-line = `n° { $id }` { $title } : { $url } ({ $audience }, ajoutée le <t:{ $at }:D>)
guide-list-footer = { $count } ressources sur { $max }. Pour en retirer une, donne son numéro à `/resources remove`.
# /setup
guide-setup-orientation = Orientation
guide-setup-orientation-required = les nouveaux mentors lisent le guide avant de former un binôme
guide-setup-orientation-off = désactivée
# The weekly digest.
guide-digest-waiting =
    { $count ->
        [one] {"**"}En attente d'orientation** ({ $count } mentor) : { $mentors }. Pas de binôme possible tant que le guide n'est pas lu.
       *[other] {"**"}En attente d'orientation** ({ $count } mentors) : { $mentors }. Pas de binôme possible tant que le guide n'est pas lu.
    }
guide-digest-more =
    { $count ->
        [one] … et { $count } de plus
       *[other] … et { $count } de plus
    }
guide-profile-heading = Orientation
guide-profile-owed = Le guide du programme reste à lire. Ouvre-le avec `/guide` et appuie sur **Je l'ai lu** ; ce mentor pourra ensuite être mis en binôme.
guide-members-heading = En attente d'orientation
